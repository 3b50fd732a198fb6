using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Discipline.Features.SampleContent;
using BrandPlatform.Discipline.Features.Quizzes;
using BrandPlatform.Discipline.Features.Coverage;
using BrandPlatform.Discipline.Features.Pledges;
using BrandPlatform.Discipline.Features.Campaigns;
using BrandPlatform.Discipline.Features.MakeUps;
using BrandPlatform.Discipline.Features.Sessions;
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
app.MapGroup("/api/discipline").WithTags("Quizzes").MapQuizzes();
app.MapGroup("/api/discipline").WithTags("Pledges").MapPledges();
app.MapGroup("/api/discipline").WithTags("Coverage").MapCoverage();
app.MapGroup("/api/discipline").WithTags("Campaigns").MapCampaigns();
app.MapGroup("/api/discipline").WithTags("Sessions").MapSessions();
app.MapGroup("/api/discipline").WithTags("Make-ups").MapMakeUps();
app.MapGroup("/api/discipline").WithTags("Library").MapLibrary();
app.MapGroup("/api/discipline").WithTags("QuestionBank").MapQuestionBank();
app.MapGroup("/api/discipline").WithTags("Reminders").MapReminders();

await app.RunServiceAsync<DisciplineDbContext>(args, SampleContent.SeedAsync);
