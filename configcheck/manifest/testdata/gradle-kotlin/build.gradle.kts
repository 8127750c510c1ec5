plugins {
    java
    alias(libs.plugins.spring.boot) apply false
}

allprojects {
    group = "com.example.orders"
    version = "1.0.0"
}
