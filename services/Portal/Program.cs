using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using BrandPlatform.Portal;
using BrandPlatform.Portal.Api;
using BrandPlatform.Portal.Components;
using BrandPlatform.Portal.Components.Community;
using BrandPlatform.Portal.Components.Reports;
using BrandPlatform.Portal.Components.Supervision;
using BrandPlatform.Portal.Infrastructure;
using BrandPlatform.Portal.Live;
using BrandPlatform.Portal.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// The cookie with the person's tokens, the sign-in's state and the prerendered components are protected with keys
// every replica reads from the portal's database, so a page one replica served works on another.
builder.AddServiceDatabase<PortalDbContext>("portaldb");
builder.AddSharedDataProtection<PortalDbContext>("portal");
builder.AddPortalAuthentication();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddScoped<CircuitTokens>();
// Every call goes through the gateway, as another government system's would: its token checks and rate limits apply.
builder.Services.AddHttpClient<GatewayApi>(http =>
    http.BaseAddress = new Uri((builder.Configuration[PortalPaths.GatewayAddressSetting] ?? PortalPaths.DefaultGatewayAddress).TrimEnd('/') + "/"));
builder.Services.AddScoped<LiveFigures>();

var app = builder.Build();
// The gateway serves the portal under /portal and says which host and scheme the browser used, so sign-in redirects
// and cookies name the gateway's public address, never this process's.
app.UsePathBase(PortalPaths.Base);
// Routing must match after the base is taken off: left to the host, it would run first and see /portal/_blazor/...,
// which no endpoint has, so the circuit's negotiation would fall through to the not-found page.
app.UseRouting();
app.UseForwardedHeaders();
app.UseRequestLocalization();
app.UsePortalSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapPortalAccount();
app.MapPortalLanguage();
app.MapNoticeDownloads();
app.MapExportDownloads();
app.MapPublicityDownloads();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunServiceAsync<PortalDbContext>(args);
