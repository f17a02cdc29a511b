package io.trinity.social.facebook;

import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.Version;
import org.jspecify.annotations.Nullable;

/** RestFB's client with the Graph endpoint taken from configuration (a local stub in tests) and the version in it. */
final class GraphClient extends DefaultFacebookClient {

    private final String endpoint;

    GraphClient(String accessToken, @Nullable String appSecret, String baseUrl, String graphVersion) {
        super(accessToken, appSecret, new DefaultWebRequestor(), new DefaultJsonMapper(), Version.UNVERSIONED);
        this.endpoint = baseUrl.replaceAll("/+$", "") + "/" + graphVersion;
    }

    @Override
    protected String getFacebookGraphEndpointUrl() {
        return endpoint;
    }
}
