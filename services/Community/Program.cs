using BrandPlatform.Community.Features.Communities;
using BrandPlatform.Community.Features.PracticalMatters;
using BrandPlatform.Community.Features.Publicity;
using BrandPlatform.Community.Features.Registrations;
using BrandPlatform.Community.Features.Services;
using BrandPlatform.Community.Features.Themes;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Printing;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<CommunityDbContext>("community", "communitydb", "社区工作与宣传 Community work and publicity");
builder.Services.Configure<ThemeOptions>(builder.Configuration.GetSection(ThemeOptions.Section));
builder.Services.Configure<PublicityOptions>(builder.Configuration.GetSection(PublicityOptions.Section));
builder.Services.AddChineseFont();
builder.Services.AddSingleton<BulletinSheet>();

var app = builder.Build();
app.UsePlatformService();
app.MapGroup("/api/community").WithTags("Communities").MapCommunities();
app.MapGroup("/api/community").WithTags("Registrations").MapRegistrations();
app.MapGroup("/api/community").WithTags("Service themes").MapThemes();
app.MapGroup("/api/community").WithTags("Services").MapServices();
app.MapGroup("/api/community").WithTags("Practical matters").MapPracticalMatters();
app.MapGroup("/api/community").WithTags("Publicity").MapPublicitySources().MapPublicityItems().MapPublishedNews();

await app.RunServiceAsync<CommunityDbContext>(args);
