plugins {
    java
}

dependencies {
    implementation("tech.powerjob:powerjob-client:latest.release")
    // 5.0.x only: the 5.0 message (no handshake yet)
    testImplementation("tech.powerjob:powerjob-client:5.0.+")
}
