using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Study.Features.Branches;
using BrandPlatform.Study.Features.Calendar;
using BrandPlatform.Study.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<StudyDbContext>("study", "studydb", "学习活动 Study activities");
// Records are filed within 3 working days; plans by the 5th of the quarter: holidays and make-up days count.
builder.AddWorkingCalendar();

var app = builder.Build();
app.UsePlatformService();
app.MapGroup("/api/study").WithTags("Branches").MapBranches();
app.MapGroup("/api/study").WithTags("Calendar").MapCalendar();

await app.RunServiceAsync<StudyDbContext>(args);
