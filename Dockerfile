# Builds the Trinity console from source; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home trinity
USER trinity
WORKDIR /app
COPY --from=build /src/crm-app/target/trinity.jar /app/trinity.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/trinity.jar"]
