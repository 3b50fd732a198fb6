using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Discipline.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<DisciplineDbContext>("discipline", "disciplinedb", "纪律教育 Discipline education");

var app = builder.Build();
app.UsePlatformService();

await app.RunServiceAsync<DisciplineDbContext>(args);
