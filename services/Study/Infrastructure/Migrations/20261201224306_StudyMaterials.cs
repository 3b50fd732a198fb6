using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Study.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StudyMaterials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "materials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    tags = table.Column<string[]>(type: "text[]", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    designated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    designated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    first_agenda_item_due = table.Column<DateOnly>(type: "date", nullable: true),
                    branch_follow_up_due = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_materials", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "study_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    material_id = table.Column<Guid>(type: "uuid", nullable: true),
                    material_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    studied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reflections = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_notes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_series",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    organiser_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_series", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_materials_designated_at",
                table: "materials",
                column: "designated_at");

            migrationBuilder.CreateIndex(
                name: "ix_materials_published_on_id",
                table: "materials",
                columns: new[] { "published_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_materials_tags",
                table: "materials",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_study_notes_person_id_studied_on",
                table: "study_notes",
                columns: new[] { "person_id", "studied_on" });

            migrationBuilder.CreateIndex(
                name: "ix_study_notes_studied_on",
                table: "study_notes",
                column: "studied_on");

            migrationBuilder.CreateIndex(
                name: "ix_training_series_created_at_id",
                table: "training_series",
                columns: new[] { "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "materials");

            migrationBuilder.DropTable(
                name: "study_notes");

            migrationBuilder.DropTable(
                name: "training_series");
        }
    }
}
