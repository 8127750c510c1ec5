plugins {
    java
}

dependencies {
    implementation("tech.powerjob:powerjob-client:5.1.1") // twice:ignore duplicate-openapi-request
}
