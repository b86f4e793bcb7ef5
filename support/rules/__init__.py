"""Pure rules of the help desk: plain functions over plain values, no ORM, tested without a database."""
