plugins {
    java
    id("org.springframework.boot") version "3.2.5"
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation(group = "tech.powerjob", name = "powerjob-client", version = "5.1.1")
}
