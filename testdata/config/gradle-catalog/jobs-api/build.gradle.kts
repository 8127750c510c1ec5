plugins {
    java
    alias(libs.plugins.spring.boot)
}

dependencies {
    implementation(libs.spring.boot.starter.web)
    // Creates invoice-run jobs through the PowerJob OpenAPI.
    implementation(libs.powerjob.client)
    testImplementation("org.junit.jupiter:junit-jupiter:5.10.2")
}
