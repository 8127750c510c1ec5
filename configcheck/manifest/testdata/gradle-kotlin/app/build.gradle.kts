plugins {
    java
}

val slf4jVersion: String by project
val okhttpVersion = "4.12.0"
val guavaVersion by extra("33.2.0-jre")
extra["commonsLang"] = "3.14.0"

dependencies {
    implementation(libs.powerjob.client)
    implementation(libs.spring.boot.starter.web)
    implementation(libs.bundles.observability)
    implementation(platform(libs.jackson.bom))
    implementation("org.slf4j:slf4j-api:$slf4jVersion")
    implementation(group = "com.squareup.okhttp3", name = "okhttp", version = okhttpVersion)
    implementation("com.google.guava:guava:${guavaVersion}")
    implementation("org.apache.commons:commons-lang3:${extra["commonsLang"]}")
    // implementation("tech.powerjob:powerjob-client:5.0.1-beta")
    /*
    implementation("tech.powerjob:powerjob-worker:4.3.9")
    */
    implementation(project(":batch"))
    testImplementation(platform("org.junit:junit-bom:5.10.2"))
    testImplementation("org.junit.jupiter:junit-jupiter") {
        exclude(group = "org.hamcrest", module = "hamcrest-core")
    }
    val url = "http://example.com/a//b" // a string with // inside is not a comment
}
