using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every BrandPlatform process shares: telemetry, health, service discovery, resilient HTTP and one error shape.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string AliveTag = "live";
    public const string CorrelationIdHeader = "X-Correlation-Id";

    /// <summary>Activity sources whose spans join the trace from the gateway through RabbitMQ into consumers.</summary>
    public static readonly string[] TraceSources = ["MassTransit", "Npgsql", PlatformTelemetry.SourceName];

    /// <summary>The names under which the OTLP exporters ask the HTTP client factory for their clients.</summary>
    private static readonly string[] OtlpExporterClients = ["OtlpTraceExporter", "OtlpMetricExporter", "OtlpLogExporter"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        // The orchestrator (a Stop from the dashboard, the supervisor, shutdown) gives a process a few seconds after
        // SIGTERM; a hosted service slow to stop must not outlast that and leave the process half shut down. Nothing
        // is lost by cutting it short: the outbox and the broker keep what was not yet sent or acknowledged.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        // The gateway (and a data centre's load balancer in front of it) tells services who really called.
        builder.Services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders =
            ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var activity = Activity.Current;
            if (activity is not null)
            {
                // The framework writes the whole W3C context (00-<trace>-<span>-01); the dashboard and its search
                // take the trace id alone.
                context.ProblemDetails.Extensions["traceId"] = activity.TraceId.ToString();
            }
            if (context.HttpContext.Request.Headers.TryGetValue(CorrelationIdHeader, out var correlationId))
            {
                context.ProblemDetails.Extensions.TryAdd("correlationId", correlationId.ToString());
            }
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            ProblemResponses.SpeakCallersLanguage(context.ProblemDetails);
        });
        builder.Services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PlatformLanguages.Default);
            options.SupportedCultures = options.SupportedUICultures = [.. PlatformLanguages.Supported];
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", PlatformTelemetry.SourceName, "Npgsql"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TraceSources)
                // Health probes every few seconds would bury the traces operators look for.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = request =>
                    request.RequestUri is null || !IsProbe(request.RequestUri.AbsolutePath)));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
            // The exporters take their clients from the factory, whose defaults (above) give every client resilience
            // and service discovery: retries stacked on the exporter's own, and a log line about each export that was
            // exported in turn. The exporter retries on its own terms and needs neither.
            foreach (var client in OtlpExporterClients)
            {
                builder.Services.AddHttpClient(client).ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
            }
        }
        builder.Services.AddHostedService<TelemetryShutdown>();
        return builder;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [AliveTag]);
        return builder;
    }

    /// <summary>/health: ready (every check, database and broker included); /alive: the process answers.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes arrive every few seconds; the database queries they cause are not worth a trace each.
        app.Use(async (context, next) =>
        {
            if (!IsProbe(context.Request.Path))
            {
                await next(context);
                return;
            }
            using (PlatformTelemetry.Quiet())
            {
                await next(context);
            }
        });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(AliveTag) })
            .AllowAnonymous();
        return app;
    }
}
