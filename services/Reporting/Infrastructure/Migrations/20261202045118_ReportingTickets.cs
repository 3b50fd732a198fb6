using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReportingTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "chamber_name",
                table: "ticket_records",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "filing_system",
                table: "ticket_records",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "chamber_name",
                table: "ticket_records");

            migrationBuilder.DropColumn(
                name: "filing_system",
                table: "ticket_records");
        }
    }
}
