package io.trinity.social.facebook;

import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.Version;
import org.jspecify.annotations.Nullable;

/** RestFB's client with the Graph endpoint taken from configuration (a local stub in tests) and the version in it. */
final class GraphClient extends DefaultFacebookClient {

    private final String endpoint;
    private final DefaultWebRequestor requestor;

    GraphClient(String accessToken, @Nullable String appSecret, String baseUrl, String graphVersion) {
        this(accessToken, appSecret, baseUrl, graphVersion, new DefaultWebRequestor());
    }

    private GraphClient(String accessToken, @Nullable String appSecret, String baseUrl, String graphVersion,
            DefaultWebRequestor requestor) {
        super(accessToken, appSecret, requestor, new DefaultJsonMapper(), Version.UNVERSIONED);
        this.endpoint = baseUrl.replaceAll("/+$", "") + "/" + graphVersion;
        this.requestor = requestor;
    }

    /** A header of the last response (Graph's usage headers come on successes and errors alike). */
    @Nullable String lastHeader(String name) {
        java.util.Map<String, java.util.List<String>> headers = requestor.getCurrentHeaders();
        if (headers == null) {
            return null;
        }
        for (var entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    protected String getFacebookGraphEndpointUrl() {
        return endpoint;
    }
}
