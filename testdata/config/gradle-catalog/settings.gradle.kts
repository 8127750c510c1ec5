rootProject.name = "billing"

include("jobs-api")
