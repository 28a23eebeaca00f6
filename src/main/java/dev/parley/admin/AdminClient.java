package dev.parley.admin;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Blocking calls to a node's admin API (a command-line tool may block). */
final class AdminClient {
    /** An answer: the HTTP status and the JSON body (null when there was none). */
    record Answer(int status, JsonObject body) {
        String errorCode() {
            return body == null || body.getJsonObject("error") == null ? null : body.getJsonObject("error").getString("code");
        }

        String errorMessage() {
            return body == null || body.getJsonObject("error") == null ? "" : body.getJsonObject("error").getString("message", "");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    AdminClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static String user(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer call(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json = null;
        if (r.body().startsWith("{")) {
            try {
                json = new JsonObject(r.body());
            } catch (RuntimeException e) {
                json = null;
            }
        }
        return new Answer(r.statusCode(), json);
    }
}
