plugins {
    `java-platform`
}

dependencies {
    constraints {
        api("tech.powerjob:powerjob-client:5.1.1")
        api("org.springframework.boot:spring-boot-starter-web:3.2.5")
    }
}
