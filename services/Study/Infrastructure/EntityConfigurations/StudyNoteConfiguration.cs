using BrandPlatform.Study.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandPlatform.Study.Infrastructure.EntityConfigurations;

internal sealed class StudyNoteConfiguration : IEntityTypeConfiguration<StudyNote>
{
    public void Configure(EntityTypeBuilder<StudyNote> note)
    {
        note.ToTable("study_notes");
        note.Property(n => n.Id).ValueGeneratedNever();
        note.Property(n => n.DisplayName).HasMaxLength(200);
        note.Property(n => n.MaterialTitle).HasMaxLength(MaterialReference.TitleMaxLength);
        note.Property(n => n.Reflections).HasMaxLength(StudyNote.ReflectionsMaxLength);
        note.HasIndex(n => new { n.PersonId, n.StudiedOn });
        note.HasIndex(n => n.StudiedOn);
    }
}
