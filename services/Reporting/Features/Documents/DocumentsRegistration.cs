using BrandPlatform.Platform.Calendar;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.DocumentErrors;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Documents;

public static class DocumentsRegistration
{
    /// <summary>The document register and the 错情 register: their options, deadlines on the working calendar, the close-of-day reminders.</summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        builder.AddWorkingCalendar();
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section)
            .Validate(o => o.IsValid, "Supervision:Documents: deadlines are 0 to 80 working hours, the reminder interval positive").ValidateOnStart();
        builder.Services.AddOptions<DocumentErrorOptions>().BindConfiguration(DocumentErrorOptions.Section)
            .Validate(o => o.IsValid, "Supervision:DocumentErrors:Types: codes are unique, at most 32 characters, each with a label").ValidateOnStart();
        builder.Services.AddScoped<DocumentDeadlines>();
        builder.Services.AddScoped<DocumentReminderIssuer>();
        builder.Services.AddHostedService<DocumentReminderScheduler>();
        return builder;
    }

    public static RouteGroupBuilder MapDocumentRegisters(this RouteGroupBuilder supervision) =>
        supervision.MapDocuments().MapDocumentErrors();

    public static ModelBuilder AddDocumentRegisters(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedDocument>(document =>
        {
            document.ToTable("received_documents");
            document.HasKey(d => d.Id);
            document.Property(d => d.Id).ValueGeneratedNever();
            document.Property(d => d.Number).HasMaxLength(ReceivedDocument.NumberMaxLength);
            document.Property(d => d.Issuer).HasMaxLength(ReceivedDocument.IssuerMaxLength);
            document.Property(d => d.Title).HasMaxLength(ReceivedDocument.TitleMaxLength);
            document.Property(d => d.Class).HasMaxLength(ReceivedDocument.ClassMaxLength);
            document.Property(d => d.Priority).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Note).HasMaxLength(ReceivedDocument.NoteMaxLength);
            document.Property(d => d.HandledBy).HasMaxLength(200);
            document.Property(d => d.RegisteredBy).HasMaxLength(200);
            document.Property(d => d.Version).IsConcurrencyToken();
            document.HasIndex(d => d.ReceivedAt);
            document.HasIndex(d => d.AssigneeUnitId);
            document.HasIndex(d => d.AssigneePersonId);
            document.OwnsMany(d => d.Reads, read =>
            {
                read.ToTable("received_document_reads");
                read.WithOwner().HasForeignKey("DocumentId");
                // A generated key, so a read added to a loaded document is an insert (a set key would read as an update).
                read.Property<long>("Id");
                read.HasKey("Id");
                read.HasIndex("DocumentId", nameof(DocumentRead.PersonId)).IsUnique();
                read.Property(r => r.DisplayName).HasMaxLength(100);
            });
            document.Navigation(d => d.Reads).HasField("reads").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<DocumentReminder>(reminder =>
        {
            reminder.ToTable("document_reminders");
            reminder.HasKey(r => r.Id);
            reminder.Property(r => r.Id).ValueGeneratedNever();
            reminder.HasIndex(r => new { r.DocumentId, r.Day }).IsUnique();
        });
        modelBuilder.Entity<DocumentErrorReport>(error =>
        {
            error.ToTable("document_error_reports");
            error.HasKey(e => e.Id);
            error.Property(e => e.Id).ValueGeneratedNever();
            error.Property(e => e.DocumentNumber).HasMaxLength(DocumentErrorReport.NumberMaxLength);
            error.Property(e => e.DocumentTitle).HasMaxLength(DocumentErrorReport.TitleMaxLength);
            error.Property(e => e.ErrorType).HasMaxLength(DocumentErrorReport.TypeMaxLength);
            error.Property(e => e.Description).HasMaxLength(DocumentErrorReport.DescriptionMaxLength);
            error.Property(e => e.FoundBy).HasMaxLength(DocumentErrorReport.FoundByMaxLength);
            error.Property(e => e.Stage).HasConversion<string>().HasMaxLength(16);
            error.Property(e => e.DrafterName).HasMaxLength(100);
            error.Property(e => e.RecordedBy).HasMaxLength(200);
            error.HasIndex(e => e.FoundOn);
            error.HasIndex(e => new { e.DepartmentId, e.FoundOn });
            error.HasIndex(e => new { e.DrafterId, e.FoundOn });
        });
        return modelBuilder;
    }
}
