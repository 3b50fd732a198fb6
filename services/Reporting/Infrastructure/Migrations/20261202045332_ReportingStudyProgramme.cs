using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReportingStudyProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid[]>(
                name: "material_ids",
                table: "study_activities",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<Guid[]>(
                name: "present_ids",
                table: "study_activities",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.CreateTable(
                name: "study_designated_materials",
                columns: table => new
                {
                    material_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    designated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_agenda_item_due = table.Column<DateOnly>(type: "date", nullable: false),
                    branch_follow_up_due = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_designated_materials", x => x.material_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_study_designated_materials_designated_at",
                table: "study_designated_materials",
                column: "designated_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "study_designated_materials");

            migrationBuilder.DropColumn(
                name: "material_ids",
                table: "study_activities");

            migrationBuilder.DropColumn(
                name: "present_ids",
                table: "study_activities");
        }
    }
}
