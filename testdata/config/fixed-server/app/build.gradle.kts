plugins {
    java
}

dependencies {
    implementation("tech.powerjob:powerjob-client:5.1.1")
}
