using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Study.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<StudyDbContext>("study", "studydb", "学习活动 Study activities");

var app = builder.Build();
app.UsePlatformService();

await app.RunServiceAsync<StudyDbContext>(args);
