using BrandPlatform.Liaison.Features.Audit;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Features.Contacts;
using BrandPlatform.Liaison.Features.ContactWork;
using BrandPlatform.Liaison.Features.Engagement;
using BrandPlatform.Liaison.Features.Organisations;
using BrandPlatform.Liaison.Features.Policies;
using BrandPlatform.Liaison.Features.TaskForces;
using BrandPlatform.Liaison.Features.Visits;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<LiaisonDbContext>("liaison", "liaisondb", "统战联络 United-front liaison");
builder.AddAuditTrail<LiaisonDbContext>();
builder.Services.Configure<FriendshipOptions>(builder.Configuration.GetSection(FriendshipOptions.Section));
builder.Services.AddHostedService<BoardFreezer>();

var app = builder.Build();
app.UsePlatformService();
app.MapGroup("/api/liaison").WithTags("Organisations").MapOrganisations();
app.MapGroup("/api/liaison").WithTags("Contacts").MapContacts();
app.MapGroup("/api/liaison").WithTags("Visits").MapVisits();
app.MapGroup("/api/liaison").WithTags("Contact work").MapFriendships().MapFiveOnes().MapThoughtTrends();
app.MapGroup("/api/liaison").WithTags("Engagement events").MapEngagementEvents().MapEventRegistrations().MapEngagementOutcomes();
app.MapGroup("/api/liaison").WithTags("Policies").MapPolicies();
app.MapGroup("/api/liaison").WithTags("Task forces").MapTaskForceWork().MapTaskForceBoard();
app.MapGroup("/api/liaison").WithTags("Audit").MapLiaisonAudit();

await app.RunServiceAsync<LiaisonDbContext>(args);
