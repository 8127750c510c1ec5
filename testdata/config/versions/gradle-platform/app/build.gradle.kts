plugins {
    java
}

dependencies {
    implementation(platform(project(":platform")))
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("tech.powerjob:powerjob-client")
}
