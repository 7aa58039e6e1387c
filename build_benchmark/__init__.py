"""`make benchmark`: build and edit times of the site."""
