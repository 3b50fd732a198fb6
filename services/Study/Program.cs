using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Study.Features.Activities;
using BrandPlatform.Study.Features.Branches;
using BrandPlatform.Study.Features.Rotation;
using BrandPlatform.Study.Features.Compliance;
using BrandPlatform.Study.Features.Materials;
using BrandPlatform.Study.Features.Notes;
using BrandPlatform.Study.Features.Training;
using BrandPlatform.Study.Features.Calendar;
using BrandPlatform.Study.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<StudyDbContext>("study", "studydb", "学习活动 Study activities");
// Records are filed within 3 working days; plans by the 5th of the quarter: holidays and make-up days count.
builder.AddWorkingCalendar();
builder.Services.AddOptions<StudyRulesOptions>().BindConfiguration(StudyRulesOptions.Section).ValidateDataAnnotations().ValidateOnStart();

var app = builder.Build();
app.UsePlatformService();
app.MapGroup("/api/study").WithTags("Branches").MapBranches();
app.MapGroup("/api/study").WithTags("Activities").MapActivities();
app.MapGroup("/api/study").WithTags("Youth group rotation").MapYouthGroupRotations();
app.MapGroup("/api/study").WithTags("Compliance").MapCompliance();
app.MapGroup("/api/study").WithTags("Materials").MapMaterials().MapMaterialFollowUp();
app.MapGroup("/api/study").WithTags("Training").MapTrainingSeries();
app.MapGroup("/api/study").WithTags("Notes").MapStudyNotes();
app.MapGroup("/api/study").WithTags("Calendar").MapCalendar();

await app.RunServiceAsync<StudyDbContext>(args);
