using BrandPlatform.Identity.Features.DevelopmentData;
using BrandPlatform.Identity.Features.Directory;
using BrandPlatform.Identity.Features.SignIn;
using BrandPlatform.Identity.Features.Tokens;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<IdentityDbContext>("identity", "identitydb", "统一身份认证与组织目录 Identity and directory");
builder.AddSharedDataProtection<IdentityDbContext>("identity");
builder.AddIdentityServer();
builder.AddAuditTrail<IdentityDbContext>();
builder.Services.AddHostedService<ClientRegistrations>();
builder.Services.AddHostedService<DirectoryAnnouncement>();
builder.Services.AddScoped<IUnitNames, OrganisationUnitNames>();

var app = builder.Build();
// The gateway forwards /identity/** unchanged; endpoints and the issuer live under that prefix.
app.UsePathBase("/identity");
app.UseRouting();
app.UsePlatformService();
app.UseAntiforgery();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();
app.MapLoginPage();
app.MapDirectoryApi();

await app.RunServiceAsync<IdentityDbContext>(args, DevelopmentSeed.SeedAsync);
