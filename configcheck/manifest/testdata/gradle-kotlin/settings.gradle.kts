rootProject.name = "order-scheduler"

include(":app", ":batch")

dependencyResolutionManagement {
    repositories {
        mavenCentral()
    }
}
