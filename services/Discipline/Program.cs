using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Discipline.Features.Library;
using BrandPlatform.Discipline.Features.QuestionBank;
using BrandPlatform.Discipline.Features.Reminders;
using BrandPlatform.Discipline.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<DisciplineDbContext>("discipline", "disciplinedb", "纪律教育 Discipline education");
// Integrity reminders go out before the public holidays the working calendar names.
builder.AddWorkingCalendar();
builder.AddIntegrityReminders();

var app = builder.Build();
app.UsePlatformService();
app.MapGroup("/api/discipline").WithTags("Library").MapLibrary();
app.MapGroup("/api/discipline").WithTags("QuestionBank").MapQuestionBank();
app.MapGroup("/api/discipline").WithTags("Reminders").MapReminders();

await app.RunServiceAsync<DisciplineDbContext>(args);
