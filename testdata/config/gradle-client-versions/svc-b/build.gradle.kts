plugins { java }

dependencies {
    implementation(libs.powerjob.client)
    implementation(libs.powerjob.worker)
}
