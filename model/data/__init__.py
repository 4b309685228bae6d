"""Data sources and their readers: MNIST, pen digits, UNIPEN, image folders, the user's
collection."""
