using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Tickets.Features;
using BrandPlatform.Tickets.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<TicketsDbContext>("tickets", "ticketsdb", "企业服务工单 Enterprise-service tickets");

var app = builder.Build();
app.UsePlatformService();
app.MapTicketsApi();

await app.RunServiceAsync<TicketsDbContext>(args);
