using System.Text.Json.Serialization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;

namespace BrandPlatform.Platform.Hosting;

/// <summary>
/// One way to host a BrandPlatform service: ServiceDefaults, its own PostgreSQL database through EF Core, MassTransit
/// on RabbitMQ with the outbox dispatcher and retry policy, validation, ProblemDetails and an OpenAPI document.
/// </summary>
public static class PlatformService
{
    public const string BrokerConnectionName = "messaging";

    /// <param name="serviceName">Short name (tickets, study, ...): prefixes queue names and titles the OpenAPI document.</param>
    /// <param name="databaseName">Connection string name of the service's own database.</param>
    public static WebApplicationBuilder AddPlatformService<TDbContext>(
        this WebApplicationBuilder builder, string serviceName, string databaseName, string title)
        where TDbContext : DbContext
    {
        builder.AddServiceDefaults();

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        var connectionString = builder.AddServiceDatabase<TDbContext>(databaseName,
            (services, options) => options.AddInterceptors(services.GetRequiredService<OutboxSaveChangesInterceptor>()));
        builder.Services.AddSingleton(services => new DatabaseNotifications(connectionString, services.GetRequiredService<ILogger<DatabaseNotifications>>()));

        builder.AddPlatformMessaging<TDbContext>(serviceName);
        builder.AddTokenAuthentication(serviceName);
        if (typeof(TDbContext).IsAssignableTo(typeof(IDirectoryUnits)))
        {
            // Refusals that name units (LocalText) answer with the names from the service's copy of the directory.
            builder.Services.AddScoped<IUnitNames>(services => new DirectoryUnitNames((IDirectoryUnits)services.GetRequiredService<TDbContext>()));
        }

        builder.Services.AddValidatorsFromAssembly(typeof(TDbContext).Assembly, includeInternalTypes: true);
        // A rule may depend on who asks (an enterprise contact leaves out what its token says).
        builder.Services.AddHttpContextAccessor();
        Validation.UseJsonFieldNames();
        Validation.StopEachRuleAtFirstFailure();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new StorableText.JsonConverter());
        });

        builder.Services.AddSingleton(ApiExamples.From(typeof(TDbContext).Assembly, typeof(PlatformService).Assembly));
        builder.AddPlatformOpenApi(PublicDocument, title, $"BrandPlatform {serviceName} service. Reached through the gateway under /api/{serviceName}.");
        builder.AddPlatformOpenApi(OperationsDocument, $"{title} · 运维接口",
            $"The {serviceName} service's operations endpoints (/ops/...), for operators. The gateway does not route them: " +
            "call the service itself, with an operator's token.");
        return builder;
    }

    /// <summary>The document integrators read: every endpoint except the operators' ones.</summary>
    public const string PublicDocument = "v1";

    /// <summary>The operators' document: the endpoints for operators only (/ops: error-queue replay, held projection events).</summary>
    public const string OperationsDocument = "operations";

    private static void AddPlatformOpenApi(this WebApplicationBuilder builder, string documentName, string title, string description) =>
        builder.Services.AddOpenApi(documentName, options =>
        {
            var operations = documentName == OperationsDocument;
            options.ShouldInclude = endpoint => OperationsAccess.IsOperatorOnly(endpoint.ActionDescriptor.EndpointMetadata) == operations;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = title, Version = "v1", Description = description };
                // Callers reach every service through the gateway, which serves the same paths.
                document.Servers = [];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(OpenApiDescriptions.DescribeMember);
            options.AddSchemaTransformer(OpenApiDescriptions.TypeText);
            options.AddOperationTransformer<OpenApiOperations>();
            options.AddOperationTransformer<OpenApiSecurity>();
        });

    public static WebApplication UsePlatformService(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // First, so that every answer below it, the exception handler's and the status pages' included, speaks the
        // caller's language.
        app.UseRequestLocalization();
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStorableText();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapDefaultEndpoints();
        app.MapErrorQueueReplay();
        return app;
    }
}
