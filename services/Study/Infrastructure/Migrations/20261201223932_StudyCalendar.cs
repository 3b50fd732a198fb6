using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Study.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StudyCalendar : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropIndex(
                name: "ix_activities_audience_unit_id_planned_start",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "audience_unit_id",
                table: "activities");
        }
    }
}
