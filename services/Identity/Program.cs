using BrandPlatform.Identity.Features.Tokens;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<IdentityDbContext>("identity", "identitydb", "统一身份认证 Identity");
builder.AddIdentityServer();

var app = builder.Build();
// The gateway forwards /identity/** unchanged; endpoints and the issuer live under that prefix.
app.UsePathBase("/identity");
app.UseRouting();
app.UsePlatformService();
app.MapTokenEndpoint();

await app.RunServiceAsync<IdentityDbContext>(args, DevelopmentClients.SeedAsync);
