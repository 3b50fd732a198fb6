using BrandPlatform.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// Tokens are checked at the edge too (issuer, lifetime, signature, an audience of this platform), so a bad or missing
// token never reaches a service and the rate limit can count per client; services still check their own audience,
// scopes and roles.
builder.AddTokenAuthentication();
builder.AddDownstreamHealthChecks();
builder.AddPerClientRateLimiting();
builder.Services.AddRequestTimeouts();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseRequestLocalization();
app.UseCorrelationId();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestTimeouts();

app.MapDefaultEndpoints();
app.MapApiReference();
// People arrive at the bare address: the portal is what they came for.
app.MapGet("/", () => TypedResults.Redirect("/portal/")).AllowAnonymous().ExcludeFromDescription();
app.MapReverseProxy();

app.Run();
