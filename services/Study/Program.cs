using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Study.Features.Branches;
using BrandPlatform.Study.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<StudyDbContext>("study", "studydb", "学习活动 Study activities");

var app = builder.Build();
app.UsePlatformService();
app.MapGroup("/api/study").WithTags("Branches").MapBranches();

await app.RunServiceAsync<StudyDbContext>(args);
