# syntax=docker/dockerfile:1
ARG JDK_TAG=8-jre
ARG POWERJOB_VERSION

FROM maven:3.9-eclipse-temurin-8 AS build
WORKDIR /src
COPY . .
RUN mvn -q -DskipTests package

FROM eclipse-temurin:${JDK_TAG} AS runtime
ENV APP_HOME=/opt/ruoyi
ENV PARAMS ""
ENV JAVA_OPTS="-Xms256m -Xmx512m"
RUN <<EOF
mkdir -p /opt/ruoyi/logs
echo "FROM scratch" > /opt/ruoyi/not-an-instruction
EOF
COPY --from=build /src/ruoyi-powerjob-server/target/ruoyi-powerjob-server.jar $APP_HOME/app.jar

FROM runtime
ENV LOG_DIR=${APP_HOME}/logs
ENTRYPOINT ["sh", "-c", \
  "java $JAVA_OPTS -jar /opt/ruoyi/app.jar $PARAMS"]
CMD ["--server.port=7700"]
