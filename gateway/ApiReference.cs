using Scalar.AspNetCore;

namespace BrandPlatform.Gateway;

public static class ApiReference
{
    /// <summary>
    /// /docs lists every service's OpenAPI document; the documents themselves are proxied from the services under
    /// /openapi/{service}.json, so the reference always matches what is deployed.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var services = app.Configuration.GetSection("ApiReference:Documents").Get<Dictionary<string, string>>() ?? [];
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("机关党建品牌服务平台 API");
            foreach (var (name, title) in services)
            {
                options.AddDocument(name, title, $"/openapi/{name}.json");
            }
        }).AllowAnonymous();
        return app;
    }
}
