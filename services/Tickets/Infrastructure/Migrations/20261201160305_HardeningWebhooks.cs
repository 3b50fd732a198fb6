using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class HardeningWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "return_visit_pending",
                table: "tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_return_visit_pending",
                table: "tickets",
                column: "return_visit_pending",
                filter: "return_visit_pending");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_return_visit_pending",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "return_visit_pending",
                table: "tickets");
        }
    }
}
