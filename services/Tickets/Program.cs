using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features;
using BrandPlatform.Tickets.Features.Escalation;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Features.Webhooks;
using BrandPlatform.Tickets.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<TicketsDbContext>("tickets", "ticketsdb", "企业服务工单 Enterprise-service tickets");
builder.AddWorkingCalendar();
builder.AddAuditTrail<TicketsDbContext>();
builder.Services.AddSingleton(services => new DeadlinePolicy(
    services.GetRequiredService<WorkingCalendar>(),
    DeadlinePolicy.FromSettings(builder.Configuration.GetSection("Tickets:Deadlines").Get<Dictionary<string, Dictionary<string, string>>>())));
builder.Services.AddSingleton(builder.Configuration.GetSection("Tickets:ReturnVisits").Get<ReturnVisitPolicy>() ?? ReturnVisitPolicy.Default);
builder.Services.Configure<EscalationPolicy>(builder.Configuration.GetSection("Tickets:Escalation"));
builder.Services.AddScoped<EscalationRun>();
builder.Services.AddHostedService<EscalationScheduler>();
builder.Services.AddHostedService<ChamberHandOver>();
builder.AddWebhooks();

var app = builder.Build();
app.UsePlatformService();
app.MapTicketsApi();

await app.RunServiceAsync<TicketsDbContext>(args);
