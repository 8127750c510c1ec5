dependencies {
    api(libs.powerjob_worker)
    "implementation"("org.example:quoted:0.1")
    implementation(libs.quoted.alias)
}
