package dev.stepwise.slack.webapi;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * The SDK's methods client, parsing every answer with one shared Gson: the SDK builds a new Gson (with all its
 * type adapters) for each response, which the acknowledgement benchmark measured at about half of the workers'
 * CPU. Requests, errors and headers are exactly as the SDK's own (it sends the request; SDK stats are off).
 */
final class ReusedGsonMethodsClient extends MethodsClientImpl {

    private final Slack slack;
    private final Gson gson;

    ReusedGsonMethodsClient(Slack slack, Gson gson, String token) {
        super(slack.getHttpClient(), token, null);
        setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
        this.slack = slack;
        this.gson = gson;
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form, String endpoint,
                                                                                 String token, Class<T> type)
            throws IOException, SlackApiException {
        try (Response response = runPostFormWithToken(form, endpoint, token)) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(slack.getConfig(), response, body);
            }
            T parsed = gson.fromJson(body, type);
            Map<String, List<String>> headers = new HashMap<>();
            response.headers().toMultimap().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            parsed.setHttpResponseHeaders(headers);
            return parsed;
        }
    }
}
