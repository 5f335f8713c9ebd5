# Runtime image for the fat jar built by `./mvnw -q -DskipTests package`.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/fhir-trials.jar /app/fhir-trials.jar
EXPOSE 8080
# curl is used by the compose healthcheck.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["java", "-Xmx1g", "-jar", "/app/fhir-trials.jar"]
