rootProject.name = "jobs"
include("platform", "app")
