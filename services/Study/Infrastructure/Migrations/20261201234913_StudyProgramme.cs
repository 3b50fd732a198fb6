using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Study.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StudyProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "audience_unit_id",
                table: "activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    secret_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    roles = table.Column<string[]>(type: "text[]", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.id);
                });

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
                name: "quarter_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    filed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    filed_late = table.Column<bool>(type: "boolean", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quarter_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    close_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "youth_group_rotations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    event_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_youth_group_rotations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_audience_unit_id_planned_start",
                table: "activities",
                columns: new[] { "audience_unit_id", "planned_start" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_person_id_issued_at",
                table: "calendar_feeds",
                columns: new[] { "person_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_secret_hash",
                table: "calendar_feeds",
                column: "secret_hash",
                unique: true);

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
                name: "ix_quarter_plans_branch_id_year_quarter",
                table: "quarter_plans",
                columns: new[] { "branch_id", "year", "quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_activity_id",
                table: "rectifications",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_branch_id_due_on",
                table: "rectifications",
                columns: new[] { "branch_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_unit_id_due_on",
                table: "rectifications",
                columns: new[] { "unit_id", "due_on" });

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

            migrationBuilder.CreateIndex(
                name: "ix_youth_group_rotations_group_id",
                table: "youth_group_rotations",
                column: "group_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "materials");

            migrationBuilder.DropTable(
                name: "quarter_plans");

            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "study_notes");

            migrationBuilder.DropTable(
                name: "training_series");

            migrationBuilder.DropTable(
                name: "youth_group_rotations");

            migrationBuilder.DropIndex(
                name: "ix_activities_audience_unit_id_planned_start",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "audience_unit_id",
                table: "activities");
        }
    }
}
