using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Reporting.Features;
using BrandPlatform.Reporting.Features.Brands;
using BrandPlatform.Reporting.Features.DisciplineFigures;
using BrandPlatform.Reporting.Features.Documents;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Features.Live;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Features.StudyProgramme;
using BrandPlatform.Reporting.Features.SupervisionTasks;
using BrandPlatform.Reporting.Features.TicketFigures;
using BrandPlatform.Reporting.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<ReportingDbContext>("reporting", "reportingdb", "报表与督办 Reporting and supervision");
builder.AddStudyProgramme();
builder.AddDisciplineFigures();
builder.AddLiveFigures();
builder.AddTicketFigures();
builder.AddExports();
builder.AddBrandRegistry();
builder.AddDocuments();
builder.AddSupervisionTasks();

var app = builder.Build();
app.UsePlatformService();
app.MapReportingApi();
app.MapSupervisionApi();

await app.RunServiceAsync<ReportingDbContext>(args);
