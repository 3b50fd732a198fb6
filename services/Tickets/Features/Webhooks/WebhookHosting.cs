using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Tickets.Features.Webhooks;

public static class WebhookHosting
{
    /// <summary>
    /// Tickets:Webhooks settings, the callback address checks and the sender with its own HTTP client: every
    /// connection goes through <see cref="CallbackAddresses.ConnectAsync"/>, no proxy, no redirects, no cookies.
    /// </summary>
    public static void AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Tickets:Webhooks"));
        builder.Services.TryAddSingleton<ICallbackHostResolver, DnsCallbackHostResolver>();
        builder.Services.AddSingleton<CallbackAddresses>();
        // Each webhook attempt is one POST that the delivery log records: no hidden retries in the HTTP pipeline.
#pragma warning disable EXTEXP0001 // the supported way to opt one client out of ServiceDefaults' resilience handler
        builder.Services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout)
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                ConnectCallback = services.GetRequiredService<CallbackAddresses>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                MaxResponseHeadersLength = 16,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<WebhookSender>();
    }
}
