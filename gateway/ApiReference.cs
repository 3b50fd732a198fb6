using Scalar.AspNetCore;

namespace BrandPlatform.Gateway;

public static class ApiReference
{
    public const string PublicPath = "/docs";
    public const string OperationsPath = "/docs/operations";

    /// <summary>One service's documents, in the order the reference lists them (ApiReference:Documents).</summary>
    public sealed record Document(string Name, string Title);

    /// <summary>
    /// /docs lists every service's public OpenAPI document, the first one configured (tickets) opening; the operators'
    /// reference lists each service's operations endpoints, which the gateway does not route. The documents are proxied
    /// from the services (/openapi/{service}.json and /openapi/operations/{service}.json), so the reference always
    /// matches what is deployed. Both pages work on a network without the internet: nothing is loaded from elsewhere and
    /// no control leads to the reference tool's online services.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var documents = app.Configuration.GetSection("ApiReference:Documents").Get<Document[]>() ?? [];
        MapReference(app, PublicPath, "机关党建品牌服务平台 API", documents, name => $"/openapi/{name}.json");
        MapReference(app, OperationsPath, "机关党建品牌服务平台 运维接口", documents, name => $"/openapi/operations/{name}.json");
        return app;
    }

    private static void MapReference(WebApplication app, string path, string title, Document[] documents, Func<string, string> url) =>
        app.MapScalarApiReference(path, options =>
        {
            options.WithTitle(title)
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .HideDeveloperTools()
                // The sidebar's "Powered by" and any other link to the tool's website: the intranet cannot follow them.
                .WithCustomCss("a[href*=\"scalar.com\"] { display: none !important; }");
            foreach (var (document, index) in documents.Select((document, index) => (document, index)))
            {
                options.AddDocument(document.Name, document.Title, url(document.Name), isDefault: index == 0);
            }
        }).AllowAnonymous();
}
